using Segmenta.Core.Schemes;

namespace Segmenta.Core.Rfm.Internal;

/// <summary>One named RFM segment: inclusive score ranges on the 5-point scale and its labels.</summary>
internal sealed record RfmSegmentRule(
    SegmentInfo Info, int RLow, int RHigh, int FLow, int FHigh, int MLow, int MHigh);
