package io.crmkit.samples.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver for the browser test, installed with apt-get where they are missing and
 * the test runs as root. Where they cannot be had, the browser test is skipped with the reason, or fails when
 * {@value #REQUIRED} is {@code true} (as in {@code .ci/run}), so that CI never passes without it.
 */
final class Chromium {

    /** Environment variable that turns a missing browser into a failure. */
    static final String REQUIRED = "CRMKIT_E2E_REQUIRED";

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final long INSTALL_MINUTES = 10;

    private Chromium() {
    }

    /** @return a headless Chromium; the caller quits it */
    static ChromeDriver start(Path profile) {
        ensureInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // As root in a container, without the network: no sandbox, no GPU, and none of the background
        // connections Chromium makes to Google's hosts.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        return new ChromeDriver(service, options);
    }

    private static void ensureInstalled() {
        if (installed()) {
            return;
        }
        String why = install();
        if (installed()) {
            return;
        }
        String message = "the browser test needs Debian's chromium and chromium-driver packages (" + BROWSER + ", "
                + DRIVER + "): " + why;
        if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** @return what happened, for the message when the packages are still missing */
    private static String install() {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return "no apt-get here to install them";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "not installed, and only root may install them (apt-get install chromium chromium-driver)";
        }
        String first = run(List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"));
        if (installed()) {
            return first;
        }
        run(List.of("apt-get", "update", "-q"));
        return run(List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"));
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return String.join(" ", command) + " took more than " + INSTALL_MINUTES + " minutes";
            }
            return String.join(" ", command) + " exited with " + process.exitValue();
        } catch (IOException e) {
            return String.join(" ", command) + " could not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + " was interrupted";
        }
    }
}
