using System.Text;

namespace Cordon.Model;

/// <summary>Entity ids: stable, derived from dataset and source identifier, restricted to a URL- and file-safe alphabet.</summary>
public static class EntityIds
{
    public const int MaxLength = 200;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Makes an id from a dataset prefix and source identifier parts; other characters become '-'.</summary>
    public static string Make(string prefix, params string[] parts)
    {
        var sb = new StringBuilder(prefix);
        foreach (var part in parts)
        {
            sb.Append('-');
            foreach (var c in part.Trim())
            {
                sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' ? c : '-');
            }
        }

        return sb.ToString();
    }
}
