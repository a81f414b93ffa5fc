// Worker entry for Monaco's editor worker (bundled from the npm package, no CDN).
import "monaco-editor/editor/editor.worker.js";
