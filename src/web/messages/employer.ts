/** Words of the employer pages. */
export const employerJa = {
  title: 'employer',
};

export const employerEn: typeof employerJa = {
  title: 'employer',
};
