using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansStreams.Api.Tests.Infrastructure;

/// <summary>Calls that read replies as raw JSON, so tests check what goes over the wire rather than the API's own types.</summary>
public static class ApiJson
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        await EnsureSuccessAsync(response);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        await EnsureSuccessAsync(response);
        return await response.ReadJsonAsync();
    }

    /// <summary>Appends an entry of text fields and returns its ID.</summary>
    public static async Task<string> AppendAsync(this HttpClient client, string stream, object fields)
    {
        var reply = await client.PostJsonAsync($"/api/streams/{stream}/entries", new { fields });
        return reply.GetProperty("id").GetString()!;
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
    }

    public static Dictionary<string, string> Fields(JsonElement entry) =>
        entry.GetProperty("fields").EnumerateObject().ToDictionary(field => field.Name, field => field.Value.GetString()!);
}
