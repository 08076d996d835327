// Where the baseline's runtime draws (the app's bridge.js sets Module up the same way).
window.Module = { canvas: document.getElementById('canvas') };
