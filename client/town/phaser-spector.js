// Phaser's WebGL debugger (Spector) is only used with WEBGL_DEBUG, which the town never sets.
export default {};
