export default definePageConfig({
  navigationBarTitleText: '我包联的乡镇',
});
