// Serves a static export (default out/) like a plain static host: tsx scripts/static-server.ts [dir=out] [port=3000]
import { startStaticServer } from "./lib/static-server";

const root = process.argv[2] ?? "out";
const port = Number(process.argv[3] ?? 3000);
void startStaticServer(root, port).then(({ origin }) => console.log(`serving ${root} on ${origin}`));
