/** SvelteKit's `$lib` alias for tools that resolve modules webpack-style (dependency-cruiser). */
module.exports = {
	resolve: { alias: { $lib: require('node:path').resolve(__dirname, '../../src/lib') } }
};
