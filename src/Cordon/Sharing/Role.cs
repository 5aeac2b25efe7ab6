using Cordon.Model;

namespace Cordon.Sharing;

/// <summary>What a key may do. Each role includes the ones below it.</summary>
public enum Role
{
    /// <summary>Screens (single, batch, yente-compatible) and reads the records it may see.</summary>
    Screener = 1,

    /// <summary>Also contributes records, reviews hits, monitors subjects and reads the agency's notifications.</summary>
    Analyst = 2,

    /// <summary>Also creates datasets, changes their handling rules and reads the agency's audit trail.</summary>
    Admin = 3,
}

/// <summary>The names roles go by on the command line and in the API.</summary>
public static class Roles
{
    public static string Name(Role role) => role switch
    {
        Role.Screener => "screener",
        Role.Analyst => "analyst",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static Role Parse(string? text) => text switch
    {
        "screener" => Role.Screener,
        "analyst" => Role.Analyst,
        "admin" => Role.Admin,
        _ => throw new ModelException("role", $"unknown role '{text}' (known: screener, analyst, admin)"),
    };
}
