export default definePageConfig({ navigationBarTitleText: '一图一表一清单' });
