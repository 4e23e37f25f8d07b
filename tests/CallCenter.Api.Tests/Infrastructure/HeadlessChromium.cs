using OpenQA.Selenium.Chrome;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// A real browser for page tests: Debian's Chromium and ChromeDriver (./test.sh installs them), headless, with
/// a fresh profile and no background networking (the build machines have no internet).
/// </summary>
public static class HeadlessChromium
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    public static ChromeDriver Start()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            throw new InvalidOperationException(
                $"Page tests need {Browser} and {Driver} (Debian packages chromium and chromium-driver); run ./test.sh, which installs them.");
        }

        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1280,900",
            "--user-data-dir=" + Directory.CreateTempSubdirectory("callcenter-chromium-").FullName);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver), Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
