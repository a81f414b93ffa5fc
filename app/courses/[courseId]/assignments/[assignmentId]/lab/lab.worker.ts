// The lab's Web Worker entry (labs/worker.ts): no DOM, only the student's code and the digits.
import { serve } from "@/labs/worker";

serve(self as unknown as Parameters<typeof serve>[0]);
