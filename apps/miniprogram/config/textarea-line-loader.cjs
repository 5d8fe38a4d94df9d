/**
 * H5 only. Taro's Stencil Textarea counts its lines on load and on every keystroke, for `autoHeight` and
 * `onLineChange`, by resizing itself a line and then a pixel at a time, each step a forced layout of the page: on
 * the report form's three text boxes that is a quarter of its start-up script time on a 4× slower CPU, and more per
 * keystroke. No page of ours uses either, so the count is skipped unless the box has `autoHeight`.
 * The build fails if Taro's code no longer matches, so an upgrade is looked at again.
 */
const MEASURE = 'this.handleLineChange = () => {\n      const line = this.getNumberOfLines();';
const SKIPPED = 'this.handleLineChange = () => {\n      if (!this.autoHeight) return;\n      const line = this.getNumberOfLines();';

module.exports = function textareaLineLoader(source) {
  if (!source.includes(MEASURE)) {
    throw new Error(
      `textarea-line-loader: ${this.resourcePath} no longer measures lines as expected; review config/textarea-line-loader.cjs`,
    );
  }
  return source.replace(MEASURE, SKIPPED);
};
