namespace Segmenta.Data.Models;

/// <summary>The customer-base models <c>segmenta fit</c> and <c>predict</c> know, by their CLI names.</summary>
public static class ModelKind
{
    /// <summary>Transaction (purchase + dropout) models that predict per customer.</summary>
    public static readonly IReadOnlyList<string> TransactionModels = ["bgnbd", "paretonbd", "mbgnbd"];

    /// <summary>Every model name.</summary>
    public static readonly IReadOnlyList<string> All = ["bgnbd", "paretonbd", "mbgnbd", "bgbb", "gammagamma", "sbg"];

    /// <summary>Throws a usage-style input error unless <paramref name="name"/> is one of <paramref name="allowed"/>.</summary>
    public static string Check(string name, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var lower = name.ToLowerInvariant();
        return allowed.Contains(lower) ? lower
            : throw new Core.SegmentaInputException($"Unknown model \"{name}\": use one of {string.Join(", ", allowed)}.");
    }
}
