package org.circle.testing;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright, with a fake camera and microphone and every
 * background service off so that nothing leaves the machine. Playwright's own browser download
 * is never used.
 */
public final class Browser implements AutoCloseable {

    public static final List<String> FLAGS = List.of(
            "--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--autoplay-policy=no-user-gesture-required", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            "--disable-features=WebRtcHideLocalIpsWithMdns,MediaRouter,OptimizationHints",
            "--disable-domain-reliability", "--metrics-recording-only", "--no-default-browser-check");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() { this(List.of()); }

    /** With flags of the test's own besides {@link #FLAGS}, e.g. a sound file as the fake microphone. */
    public Browser(List<String> moreFlags) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> flags = new java.util.ArrayList<>(FLAGS);
        flags.addAll(moreFlags);
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(flags));
    }

    public static Path chromium() {
        for (String candidate : List.of("/usr/lib/chromium/chromium", "/usr/bin/chromium")) {
            if (Files.isExecutable(Path.of(candidate))) return Path.of(candidate);
        }
        throw new IllegalStateException("Debian's chromium package is needed (ops/test-services.sh installs it)");
    }

    public Page newPage() {
        BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1024, 768));
        context.setDefaultTimeout(60_000); // the machine is shared: a slow click is not a failure
        return context.newPage();
    }

    public Page newPage(NewContextOptions options) {
        return browser.newContext(options).newPage();
    }

    /** Saves a screenshot under target/test-output/screenshots for a person to look at. */
    public static Path screenshot(Page page, String name) {
        Path file = CircleProcess.outputDir().resolve("screenshots").resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
