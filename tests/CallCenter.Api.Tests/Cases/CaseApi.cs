using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Cases;
using CallCenter.Core.Common;

namespace CallCenter.Api.Tests.Cases;

/// <summary>Small helpers the case tests share.</summary>
internal static class CaseApi
{
    public static async Task<CaseResponse> OpenAsync(HttpClient client, Guid patientId, string severity = "high", string category = "waiting-time")
    {
        var response = await client.PostAsJsonAsync("/api/cases", new { patientId, category, severity, description = "等了两个小时没人叫号。" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CaseResponse>())!;
    }

    public static async Task<CaseDetailsResponse> GetAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<CaseDetailsResponse>($"/api/cases/{id}"))!;

    public static async Task<IReadOnlyList<CaseResponse>> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<Page<CaseResponse>>("/api/cases" + query))!.Items;

    public static Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid id, string status, string? note = null) =>
        client.PostAsJsonAsync($"/api/cases/{id}/status", new { status, note });
}
