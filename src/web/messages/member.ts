/** Words of the member's pages. */
export const memberJa = {
  title: 'member',
};

export const memberEn: typeof memberJa = {
  title: 'member',
};
