// Worker entry for Monaco's TypeScript language service (bundled from the npm package, no CDN).
import "monaco-editor/language/typescript/ts.worker.js";
