namespace Cordon.Synthetic;

/// <summary>A composed person name: the primary form, its parts, and the other forms watchlists give as aliases.</summary>
internal sealed record PersonName(string Full, string First, string Last, string? Father, List<string> AliasCandidates);
