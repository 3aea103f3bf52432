import nodeConsole from 'node:console';

// happy-dom loads no frames and says so on the console, with a stack, for every frame a test
// page gets: the in-page task picker's among them (an extension page it could not load anyway).
// Tracker buttons ready that frame as soon as they are pressed or focused, so the line would
// bury the output of every test that presses one. Every other error still shows.
const error = nodeConsole.error.bind(nodeConsole);
nodeConsole.error = (...args: unknown[]) => {
  if (!String(args[0]).includes('Iframe page loading is disabled')) error(...args);
};
