// preinstall: stop at once on a Node.js other than 24, before any native module (isolated-vm) is built.
// Plain CommonJS without dependencies, so it runs on any Node.js version.
var major = Number(process.versions.node.split(".")[0]);
if (major !== 24) {
  console.error("Gibbs needs Node.js 24; see README");
  process.exit(1);
}
