using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CallCenter.Api.Infrastructure;
using CallCenter.Api.Tests.Telephony;
using CallCenter.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// The sign-in keys are encrypted on disk when a certificate is configured (and read back by another hub with it);
/// without one they are plain and the hub warns. Without a field-encryption key Production does not start, and
/// Development makes a key file.
/// </summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string CertificatePassword = "cert-password-for-tests";

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("callcenter-keys-");

    private string KeysPath => Path.Combine(_scratch.FullName, "keys");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignInKeys_WithACertificate_AreEncryptedOnDisk_AndAnotherHubWithTheCertificateReadsThem(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var settings = new Dictionary<string, string?>
        {
            ["Auth:DataProtectionKeysPath"] = KeysPath,
            ["Auth:DataProtectionCertificatePath"] = WriteSelfSignedCertificate(),
            ["Auth:DataProtectionCertificatePassword"] = CertificatePassword,
        };
        await using var first = new ApiFactory(database, settings);
        var agent = await first.SignInAsAsync("agent");
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.GetAsync(new Uri("/api/patients?name=x", UriKind.Relative))).StatusCode);

        var keyFiles = Directory.GetFiles(KeysPath, "*.xml");
        Assert.NotEmpty(keyFiles);
        foreach (var file in keyFiles)
        {
            var xml = await File.ReadAllTextAsync(file);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.Contains(nameof(CertificateKeyDecryptor), xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the plain form's master key
        }

        // A second hub (a restart, another node) decrypts the key from disk and accepts the first hub's token.
        await using var second = new ApiFactory(database, settings);
        using var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = agent.Client.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/patients?name=x", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SignInKeys_WithoutACertificate_ArePlainOnDisk_AndTheHubWarnsAtStartUp(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database, new Dictionary<string, string?> { ["Auth:DataProtectionKeysPath"] = KeysPath });
        await hub.SignInAsAsync("agent");

        Assert.Contains(Directory.GetFiles(KeysPath, "*.xml"), file => File.ReadAllText(file).Contains("<value>", StringComparison.Ordinal));
        var lines = await WebhookHardeningTests.ReadLogLinesAsync(hub);
        Assert.Contains(lines, line => line.Contains("are stored unencrypted", StringComparison.Ordinal)
            && line.Contains("Auth:DataProtectionCertificatePath", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Hub_WithAWrongCertificatePassword_FailsToStartNamingTheSetting(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var message = await StartFailureAsync(database, "Testing", new Dictionary<string, string?>
        {
            ["Auth:DataProtectionCertificatePath"] = WriteSelfSignedCertificate(),
            ["Auth:DataProtectionCertificatePassword"] = "not-the-password",
        });

        Assert.Contains("Auth:DataProtectionCertificatePath", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Hub_InProductionWithoutAFieldEncryptionKey_FailsToStartNamingTheSettings(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var message = await StartFailureAsync(database, "Production", new Dictionary<string, string?>
        {
            [$"Encryption:Keys:{TestDatabase.TestKeyId}"] = string.Empty,
            ["Telephony:Mode"] = "simulator",
        });

        Assert.Contains("Encryption:Keys:<id>", message, StringComparison.Ordinal);
        Assert.Contains("Encryption:KeyFile", message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(KeysPath, EncryptionSetup.GeneratedKeyFileName)));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Hub_InDevelopmentWithoutAFieldEncryptionKey_GeneratesAKeyFileBesideTheSignInKeysAndWarns(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database, new Dictionary<string, string?>
        {
            [$"Encryption:Keys:{TestDatabase.TestKeyId}"] = string.Empty,
            ["Auth:DataProtectionKeysPath"] = KeysPath,
        });
        await using var development = hub.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));

        using var response = await development.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var keyFile = Path.Combine(KeysPath, EncryptionSetup.GeneratedKeyFileName);
        Assert.True(File.Exists(keyFile));
        Assert.Contains("\"ActiveKeyId\"", await File.ReadAllTextAsync(keyFile), StringComparison.Ordinal);
    }

    /// <summary>Builds the hub as Program does and returns why it would not start (WebApplicationFactory hides it).</summary>
    private async Task<string> StartFailureAsync(TestDatabase database, string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(database.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [CallCenter.Core.Accounts.AdminBootstrapper.PasswordVariable] = ApiFactory.AdminPassword,
            ["Auth:DataProtectionKeysPath"] = KeysPath,
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_scratch.FullName, "logs", "callcenter-.log"),
            ["Jobs:StartScheduler"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCallCenterApi();
        await using var app = builder.Build();
        app.UseCallCenterApi();
        app.MapCallCenterEndpoints();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        return Flatten(error);
    }

    private string WriteSelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=callcenter-data-protection-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_scratch.FullName, "data-protection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join('\n', aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is null ? string.Empty : "\n" + Flatten(error.InnerException));
}
