// Placeholder for commands whose issue has not landed yet; exits non-zero so nobody mistakes it for a run.
const [, , command, what] = process.argv;
console.error(`npm run ${command}: not built yet. ${what} will provide it.`);
process.exit(1);
