export default definePageConfig({
  navigationBarTitleText: '亮赛比擂台',
});
