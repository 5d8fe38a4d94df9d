export default definePageConfig({
  navigationBarTitleText: '观摩结果',
});
