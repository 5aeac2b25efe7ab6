namespace Cordon.Model;

/// <summary>A value or property refused by the model; <see cref="Field"/> names the property or field at fault.</summary>
public sealed class ModelException(string field, string reason) : Exception(reason)
{
    public string Field { get; } = field;

    public string Reason { get; } = reason;
}
