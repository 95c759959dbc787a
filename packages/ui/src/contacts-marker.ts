/** What the site's body renderer writes where `<Contacts />` stands; ReleaseArticle puts the contacts block there. */
export { contactsMarker } from '@iom/content-model';
