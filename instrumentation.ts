// Runs once when the server starts, before it accepts requests. The Node.js-only code lives in its own module so
// that the Edge build of this file does not pull in node:http (Next.js's documented split).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { guardTrace } = await import("./instrumentation-node");
    guardTrace();
  }
}
