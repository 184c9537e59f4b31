using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansStreams.Api.Entries;
using OrleansStreams.Api.Streams;

namespace OrleansStreams.Api.OpenApi;

/// <summary>Schemas the generator cannot infer: types written by a custom converter, or polymorphic without a discriminator.</summary>
public static class ApiSchemas
{
    public static Task DescribeAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(JsonFields))
        {
            schema.Type = null;
            schema.Description = "Field names and values as an object, or as [name, value] pairs when a name repeats.";
            schema.OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } },
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.Array, MinItems = 2, MaxItems = 2, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            ];
        }
        else if (type == typeof(TailEvent))
        {
            // The event's type is the SSE "event:" line (entry or ready), not a property of its data.
            schema.Discriminator = null;
            schema.Description = "data of an 'entry' event (an entry), of the first, 'ready' event (where the API follows from), or of a final 'error' event.";
        }
        return Task.CompletedTask;
    }
}
