// `npm start`: the production server from a checkout, i.e. the same standalone `server.js` the
// Dockerfile ships (after `npm run build`). `next start` warns under `output: "standalone"`.
// It listens on 127.0.0.1:$PORT: behind a reverse proxy on the same host, or run server.js with
// HOSTNAME set (as the container does) to listen elsewhere.
import { spawn } from "node:child_process";
import { prepareStandalone, standaloneEnv } from "./lib/standalone.mjs";

const serverJs = prepareStandalone(process.env.NEXT_DIST_DIR || ".next");
const child = spawn(process.execPath, [serverJs], {
  stdio: "inherit",
  env: { ...process.env, ...standaloneEnv("127.0.0.1", process.env.PORT || 3000) },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
