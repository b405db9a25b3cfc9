namespace Segmenta.Server.Jobs;

/// <summary>The body of <c>POST /api/v1/runs</c>: which uploads to use (default: the newest of each kind) and the run settings.</summary>
internal sealed record RunRequest
{
    /// <summary>Transactions upload id; default the newest transactions upload.</summary>
    public string? Transactions { get; init; }

    /// <summary>Customers upload id; default the newest customers upload, if any. Use <see cref="NoCustomers"/> to leave it out.</summary>
    public string? Customers { get; init; }

    /// <summary>Interactions upload id; default the newest, if any.</summary>
    public string? Interactions { get; init; }

    /// <summary>Surveys upload id; default the newest, if any.</summary>
    public string? Surveys { get; init; }

    /// <summary>Run without customers / interactions / surveys even when uploads exist.</summary>
    public bool NoCustomers { get; init; }

    /// <summary>Analysis date yyyy-MM-dd; default the day after the last transaction.</summary>
    public string? AsOf { get; init; }

    /// <summary>Fit BG/NBD + Gamma-Gamma and add CLV columns.</summary>
    public bool Clv { get; init; }

    /// <summary>Schemes to run after the built-ins: preset or saved names; default <c>retail_rfm</c> (the action list's playbooks).</summary>
    public IReadOnlyList<string>? Schemes { get; init; }

    /// <summary>Label language: zh-CN or en (default en).</summary>
    public string? Lang { get; init; }
}
