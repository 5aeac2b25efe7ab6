namespace Cordon.Model;

/// <summary>The FollowTheMoney type of a property: decides how values are validated, normalised and compared.</summary>
public enum PropertyType
{
    String,
    Text,
    Name,
    Date,
    Country,
    Identifier,
    Entity,
    Address,
    Gender,
    Url,
    Email,
    Phone,
    Number,
    Topic,
}
