// Smoke test of the typed client against a started app (ADR 0024): starts src/WebApi (already built) on a free
// loopback port with a throwaway data folder, then, through KbossClient only: logs in as the bootstrap admin,
// creates a compute centre, a widget with stock in the demo centre's cluster, prices the spec's quote (64.08,
// 41-cpcc-widgets-pricing.md) and one of the new widget, and reads the centre and the widget back; sends CDS's
// Delete=true (a reserved word in TypeScript: the argument is delete_). Exits non-zero on any failure and always stops
// the app.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { KbossClient, KbossError } from "../src/index.js";

const repo = resolve(import.meta.dirname, "../../../..");
const demo = { orgId: "mIWUHBeeDM8mwAFPIQ8pS", centerId: "AROU9udKtPNyh0AZtO_WY", cluster: "4hBm8atruISOU2bs24t_N" };
const specResources = JSON.stringify([
    { type: "cpu", model: "INTEL(R) XEON(R) PLATINUM 8582C", amount: 4 },
    { type: "memory", model: "Samsung DDR4 DIMMs", amount: 8192 },
    { type: "disk", model: "DATA", amount: 512 },
    { type: "gpu", model: "RTX5090-32G", amount: 2 },
]);

function check(condition: boolean, what: string): asserts condition {
    if (!condition) throw new Error(`smoke: ${what}`);
}

function freePort(): Promise<number> {
    return new Promise((ok, fail) => {
        const server = createServer().listen(0, "127.0.0.1", () => {
            const address = server.address();
            server.close(() =>
                (typeof address === "object" && address ? ok(address.port) : fail(new Error("no port"))));
        });
    });
}

async function waitForHealth(base: string, app: ChildProcess, log: () => string): Promise<void> {
    for (let i = 0; i < 300; i++) {
        if (app.exitCode !== null) throw new Error(`app exited (${app.exitCode}):\n${log()}`);
        try {
            if ((await fetch(`${base}/health`)).ok) return;
        } catch { /* not listening yet */ }
        await new Promise(r => setTimeout(r, 100));
    }
    throw new Error(`app did not answer /health within 30 s:\n${log()}`);
}

/** SIGTERM to the app's process group (graceful shutdown), SIGKILL if it is still there after 15 s. */
async function stop(app: ChildProcess): Promise<void> {
    if (app.exitCode !== null || app.signalCode !== null) return;
    const exited = new Promise<boolean>(r => app.once("exit", () => r(true)));
    process.kill(-app.pid!, "SIGTERM");
    if (await Promise.race([exited, new Promise<boolean>(r => setTimeout(() => r(false), 15_000))])) return;
    process.kill(-app.pid!, "SIGKILL");
    await exited;
}

/** Every URL the client fetched. */
const sent: string[] = [];

async function run(client: KbossClient, password: string): Promise<void> {
    const login = await client.login({ username: "admin", password });
    check(!!login.data?.token, "login returns a token");
    client.token = login.data!.token;

    const centre = await client.add_cpclist({
        name: "烟测算力中心", pcapi_url: "https://pcapi.smoke.invalid", api_user: `smoke-${Date.now()}`,
        api_pwd: randomBytes(12).toString("hex"), contactname: "烟测", contactphone: "13800000000",
    });
    check(centre.data?.api_pwd === "******", "the centre's api_pwd is echoed masked");
    const listed = await client.get_cpclist();
    check(listed.data?.rows?.some(c => c.id === centre.data!.id) === true, "the new centre is listed");

    const widget = await client.add_cpcwidget({
        cpcid: demo.centerId, clusterid: demo.cluster, type: "gpu", resource_unit: "卡", unit_price: "1.5",
        model: "SMOKE-GPU", stock: "3", charge_unit: "小时", account_unit: "元",
    });
    check(widget.data?.stock === "3", `the widget has stock 3 (got ${widget.data?.stock})`);

    const quote = await client.accrual_price(demo.centerId, specResources, "1", "小时");
    check(quote.data?.total_price === 64.08, `the spec's quote totals 64.08 (got ${quote.data?.total_price})`);
    const own = await client.accrual_price(demo.centerId,
        JSON.stringify([{ type: "gpu", model: "SMOKE-GPU", amount: 2 }]), "1", "小时");
    check(own.data?.total_price === 3, `2 × SMOKE-GPU for 1 hour at 1.5 totals 3 (got ${own.data?.total_price})`);

    const widgets = await client.get_cpcwidget(demo.centerId);
    const back = widgets.data?.rows?.find(w => w.id === widget.data!.id);
    check(back?.unit_price === 1.5 && back.stock === 3, "the widget reads back with its price and stock");

    try {
        await client.add_cpcwidget({ ...widget.data!, cpcid: demo.centerId, clusterid: demo.cluster,
            type: "gpu", resource_unit: "卡", unit_price: "1.5", charge_unit: "小时", account_unit: "元" });
        check(false, "adding the same widget again fails");
    } catch (e) {
        check(e instanceof KbossError && e.code === "conflict", `a duplicate is a KbossError conflict (got ${e})`);
    }

    // CDS bandwidth_remove_eip: the documented Delete reaches the app (refused there for the missing confirm=true)
    try {
        await client.bandwidth_remove_eip("eip-smoke", "true");
        check(false, "Delete=true without confirm=true is refused");
    } catch (e) {
        check(e instanceof KbossError && e.msg === "删除EIP需要确认(confirm=true)",
            `Delete=true reaches the app and asks for confirm=true (got ${e})`);
    }
    check(sent.some(u => u.includes("/capital/bandwidth_remove_eip.dspy?") && /[?&]Delete=true(&|$)/.test(u)),
        "the client sends Delete=true");
}

const dataFolder = mkdtempSync(join(tmpdir(), "kboss-smoke-"));
const password = "Sm0ke" + randomBytes(12).toString("hex");
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let output = "";
// The already-built app (scripts/test.sh builds Debug first), as `dotnet run --no-build --project src/WebApi` would
// start it, without MSBuild's start-up cost.
const dll = process.env.KBOSS_APP_DLL ?? join(repo, "src/WebApi/bin/Debug/net10.0/Kboss.WebApi.dll");
const app = spawn("dotnet", [dll], {
    cwd: join(repo, "src/WebApi"),
    env: {
        ...process.env, Kboss__DataFolder: join(dataFolder, "data"), Bootstrap__AdminPassword: password,
        Urls: base, Logging__LogLevel__Default: "Warning",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
});
app.stdout!.on("data", d => (output += d));
app.stderr!.on("data", d => (output += d));
const started = Date.now();
let failed = false;
try {
    await waitForHealth(base, app, () => output);
    const ready = Date.now();
    await run(new KbossClient(base, { fetch: (url, init) => (sent.push(String(url)), fetch(url, init)) }), password);
    console.log(`smoke: passed (app start ${ready - started} ms, calls ${Date.now() - ready} ms)`);
} catch (e) {
    failed = true;
    console.error(e instanceof KbossError ? `smoke: ${e.code} ${e.msg} ${JSON.stringify(e.errors)}` : e);
} finally {
    await stop(app);
    rmSync(dataFolder, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
