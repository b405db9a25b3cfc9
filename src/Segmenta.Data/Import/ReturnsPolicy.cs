namespace Segmenta.Data.Import;

/// <summary>What to do with returns and refunds, i.e. transaction rows with a negative amount.</summary>
public enum ReturnsPolicy
{
    /// <summary>Keep them: they net against purchases in monetary value. Counted in <c>LoadReport.ReturnRows</c>.</summary>
    Net,

    /// <summary>Move them to the rejects file with reason <c>return_excluded</c> (still accounted for, not an error).</summary>
    Exclude,
}
