export default definePageConfig({
  navigationBarTitleText: '整改督办',
});
