// Stops `npm install` / `npm ci` at once on a Node.js other than 24, before any native module
// (isolated-vm, better-sqlite3) is built: npm runs every dependency's preinstall before any
// dependency's install script, and this package is a dependency of Gibbs (the root package's
// own preinstall would run only after the native builds). Plain CommonJS without dependencies,
// so it runs on any Node.js version.
var major = Number(process.versions.node.split(".")[0]);
if (major !== 24) {
  console.error("Gibbs needs Node.js 24; see README");
  process.exit(1);
}
