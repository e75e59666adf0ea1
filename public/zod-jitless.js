// Runs before the app's modules: zod probes `new Function` when its first object schema is built, which
// the Content-Security-Policy forbids and reports as a violation even though zod catches the error.
// Zod reads this global config object when it loads; `jitless` turns the probe and the JIT off.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true })
