using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrustLedger.CertService.Types;

/// <summary>
/// A type schema's <c>pattern</c> is an ECMA-262 regular expression, where <c>$</c> is the end of the
/// value. The schema library runs it as a .NET expression, where <c>$</c> also matches before a
/// final newline, so "91610000MA6TGXXX2K\n" would pass <c>^[0-9A-Z]{18}$</c> and be stored and
/// anchored. Before a schema is compiled every <c>$</c> outside a character class becomes
/// <c>(?!\n)$</c> (the same meaning in both dialects: the end, with nothing after it), in
/// <c>pattern</c> and in the names of <c>patternProperties</c>. The stored schema is unchanged.
/// </summary>
public static class WholeValuePatterns
{
    // Members whose values are data, not schemas: a "pattern" inside them is not a keyword.
    private static readonly HashSet<string> DataMembers = new(StringComparer.Ordinal) { "const", "enum", "default", "examples" };

    public static JsonElement Anchor(JsonElement schema)
    {
        var node = JsonNode.Parse(schema.GetRawText());
        Visit(node);
        return JsonSerializer.SerializeToElement(node);
    }

    /// <summary>The expression with every end anchor made strict.</summary>
    public static string Strict(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var output = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                output.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '$')
            {
                output.Append("(?!\\n)");
            }

            output.Append(c);
        }

        return output.ToString();
    }

    private static void Visit(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (DataMembers.Contains(name))
                    {
                        continue;
                    }

                    if (name == "pattern" && value is JsonValue text && text.TryGetValue<string>(out var pattern))
                    {
                        obj[name] = Strict(pattern);
                    }
                    else if (name == "patternProperties" && value is JsonObject properties)
                    {
                        var rewritten = new JsonObject();
                        foreach (var (key, schema) in properties.ToList())
                        {
                            properties.Remove(key);
                            Visit(schema);
                            rewritten[Strict(key)] = schema;
                        }

                        obj[name] = rewritten;
                    }
                    else
                    {
                        Visit(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Visit(item);
                }

                break;
        }
    }
}
