export default definePageConfig({
  navigationBarTitleText: '亮承诺 · 赛实绩',
});
