export default definePageConfig({
  navigationBarTitleText: '微权说廉',
});
