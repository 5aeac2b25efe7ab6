namespace Cordon.Synthetic;

/// <summary>How a culture puts a person's name together (order, particles, patronymics, surnames).</summary>
internal enum NameStyle
{
    Arabic,
    Persian,
    Russian,
    Chinese,
    Spanish,
    English,
    Pakistani,
    Plain,
}

/// <summary>
/// The name tables of one culture, with how often it occurs in the synthetic population, the nationalities its people
/// hold (ISO codes, lower case) and words its organisations are named after.
/// </summary>
internal sealed record NameCulture(
    string Name,
    NameStyle Style,
    int Weight,
    NameForm[] Male,
    NameForm[] Female,
    NameForm[] Family,
    string[] Countries,
    string[] OrganisationStems)
{
    /// <summary>Whether the primary name takes any transliteration (true) or the usual one (names with nicknames as variants).</summary>
    public bool AnySpelling { get; init; } = true;
}
