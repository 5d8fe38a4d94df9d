export default definePageConfig({ navigationBarTitleText: '星级地图' });
