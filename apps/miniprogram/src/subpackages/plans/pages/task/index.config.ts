export default definePageConfig({
  navigationBarTitleText: '任务进展',
});
