/** labs/worker.ts in a Node worker thread, wired as a browser worker's global scope would be (tests only). */
import { parentPort } from "node:worker_threads";
import type { ToWorker } from "@/labs/protocol";
import { serve } from "@/labs/worker";

const port = {
  onmessage: null as ((ev: { data: ToWorker }) => void) | null,
  postMessage: (m: unknown) => parentPort!.postMessage(m),
};
serve(port);
parentPort!.on("message", (data: ToWorker) => port.onmessage?.({ data }));
