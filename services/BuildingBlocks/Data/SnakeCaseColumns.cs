using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationPlatform.Data;

/// <summary>PostgreSQL's own style for tables that hand-written SQL reads: RecordAt is record_at.</summary>
public static class SnakeCaseColumns
{
    /// <summary>Names every column of the entity mapped so far in snake_case; call it after the properties are configured.</summary>
    public static EntityTypeBuilder<T> WithSnakeCaseColumns<T>(this EntityTypeBuilder<T> entity) where T : class
    {
        foreach (var property in entity.Metadata.GetProperties())
        {
            property.SetColumnName(Snake(property.Name));
        }

        return entity;
    }

    public static string Snake(string name)
    {
        var snake = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(name[i]));
        }

        return snake.ToString();
    }
}
