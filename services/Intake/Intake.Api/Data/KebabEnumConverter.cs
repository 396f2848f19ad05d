using EscalationPlatform.Web.Validation;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Intake.Api.Data;

/// <summary>Stores an enum value as the API writes it (kebab-case), so the database and the wire spell it alike.</summary>
public sealed class KebabEnumConverter<T>() : ValueConverter<T, string>(value => KebabEnum<T>.Name(value), name => KebabEnum<T>.Parse(name))
    where T : struct, Enum;
