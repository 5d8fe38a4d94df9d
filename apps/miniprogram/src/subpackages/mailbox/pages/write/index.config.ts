export default definePageConfig({
  navigationBarTitleText: '清风邮局',
});
