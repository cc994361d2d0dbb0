import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";

// Forms validate with zod in the browser. Without `jitless`, zod probes `new Function("")` on its
// first object parse; under our Content-Security-Policy (no 'unsafe-eval') that probe is reported
// as a CSP violation even though zod catches it. Every client form imports its resolver from here.
z.config({ jitless: true });

export { zodResolver };
