'use strict';
// Served by a later change; no routes yet.
module.exports = { routes: [] };
