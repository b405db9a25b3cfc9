namespace Segmenta.Cli;

/// <summary>The process exit codes (README "Exit codes").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int BadInput = 2;
    public const int Internal = 3;
}
