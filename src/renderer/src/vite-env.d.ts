// Vite's client types: stylesheet imports and `import.meta.env` in the renderer.
/// <reference types="vite/client" />
